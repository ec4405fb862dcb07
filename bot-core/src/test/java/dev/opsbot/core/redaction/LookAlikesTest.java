package dev.opsbot.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What looks like a secret but is not one passes untouched: ids, digests, public material, references, words. */
class LookAlikesTest {
    static List<String> lookAlikes() {
        return List.of(
                // git SHAs
                "commit 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b by alice",
                "revision: 9fceb02d0ae598e95dc970b74767f19372d61af8",
                "deployed sha=9fceb02d0ae598e95dc970b74767f19372d61af8 to prod",
                // image digests
                "image: registry.example.com/shop/checkout@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "imageID: docker-pullable://checkout@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                // UUIDs, trace and span ids
                "request_id=5f0c3b1e-8d2a-4c3b-9e1f-2a3b4c5d6e7f user=alice",
                "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "{\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"span_id\":\"00f067aa0ba902b7\"}",
                // ARNs and AWS resource ids
                "assumed arn:aws:iam::123456789012:role/opsbot-read as alice",
                "reading arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
                "key arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "instance i-0abc123def4567890 in vpc-0a1b2c3d4e5f67890 subnet-0bb1c79de3EXAMPLE sg-0123456789abcdef0",
                "AROAEXAMPLEID123456 assumed role; ami-0abcdef1234567890",
                // the AWS documentation's example keys
                "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "AKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260310/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature="
                        + "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024",
                // certificates and public keys
                "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n"
                        + "RTESMBAGA1UEChMJQmFsdGltb3JlMRMwEQYDVQQLEwpDeWJlclRydXN0MSIwIAYD\n"
                        + "-----END CERTIFICATE-----",
                "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n"
                        + "-----END PUBLIC KEY-----",
                "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA4vNd3YkX9fGdJcnmX7nJ7Qe deploy@ci",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop",
                // references, masks, placeholders, words
                "password: ${DB_PASSWORD}",
                "password: {{ .Values.password }}",
                "secret: \"{{ .Values.secret }}\"",
                "password: <redacted>",
                "password=**** token=xxxxxxxxxxxxxxxx",
                "DB_PASSWORD=$DB_PASSWORD",
                "password=changeme",
                "password: password",
                "api_key=[REDACTED] client_secret=[FILTERED]",
                "token=[[secret:token:ab12cd34]] and [[secret:github-token:0f0f0f0f]]",
                "TOKEN=${TOKEN:-default}",
                // ordinary log lines full of the keywords
                "token expired for user alice; refreshing",
                "MountVolume.SetUp failed for volume \"creds\" : secret \"db-creds\" not found",
                "max_tokens=4096 tokens: 1523 token_type: Bearer",
                "Authorization header missing; Bearer token expired",
                "password_file: /run/secrets/db tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token",
                "secretName: db-creds\nsecretKeyRef:\n  name: db\n  key: password\nsecret: my-app-secret",
                "kind: SecretProviderClass",
                "annotations:\n  checksum/secret: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "NextToken: AAIAAbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
                "disk pressure on node; task-runner skipped; asia-east1 Asia/Tokyo",
                "Cookie: lang=en; theme=dark",
                "author=alice@example.com oauth: enabled basicAuth: true",
                // parameters joined by '&', none of them a secret
                "a=1&b=2",
                "GET /api/v1/orders?page=2&per_page=50&sort=desc 200",
                "POST /oauth/token grant_type=refresh_token&client_id=web&scope=openid",
                "token_type=Bearer&expires_in=3600",
                "secret: my-app-secret&v=2",
                "secret=my-app-secret&amp;v=2",
                "credentials=default&profile=prod&region=eu-west-1",
                "api_key=${API_KEY}&format=json",
                "password=x&y token=abc&def",
                // URLs without passwords
                "GET https://user@example.com/path 200",
                "postgres://db.shop.svc:5432/orders http://10.0.0.1:8080/healthz redis://cache:6379/0",
                // ConfigMap data in base64, Kubernetes ids
                "apiVersion: v1\nkind: ConfigMap\ndata:\n  banner: SGVsbG8sIHdvcmxkIQ==\nbinaryData:\n"
                        + "  logo: iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk\n",
                "metadata:\n  resourceVersion: \"48151623\"\n  uid: 5f0c3b1e-8d2a-4c3b-9e1f-2a3b4c5d6e7f\n"
                        + "  generation: 42\n  creationTimestamp: \"2026-03-10T02:31:04Z\"");
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void passesUntouched(String text) {
        assertThat(Redactor.standard().redact(text, Vault.create())).isEqualTo(text);
    }
}
