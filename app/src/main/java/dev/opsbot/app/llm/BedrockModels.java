package dev.opsbot.app.llm;

import dev.langchain4j.model.bedrock.BedrockChatModel;
import dev.langchain4j.model.bedrock.BedrockChatRequestParameters;
import dev.langchain4j.model.chat.ChatModel;
import dev.opsbot.app.config.ConfigException;
import dev.opsbot.app.config.LlmConfig;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/** A Bedrock model through the Converse API, called as the bot itself. */
final class BedrockModels {
    private BedrockModels() {}

    static ChatModel create(LlmConfig config, URI endpoint, AwsCredentialsProvider botCredentials) {
        BedrockChatModel model = BedrockChatModel.builder()
                .client(client(config, endpoint, botCredentials))
                .modelId(config.model())
                .maxRetries(0)
                .defaultRequestParameters(BedrockChatRequestParameters.builder()
                        .maxOutputTokens(config.maxOutputTokens())
                        .build())
                .logRequests(false)
                .logResponses(false)
                .build();
        // we hold no secret for Bedrock: the credentials stay inside the SDK's provider
        return new ClassifiedChatModel(model, new ModelFailures(LlmConfig.BEDROCK, config.model(), List.of()));
    }

    /**
     * With no endpoint the SDK resolves one itself, honouring {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} and
     * {@code AWS_ENDPOINT_URL}. Its retries are off: the agent retries, and two layers of retries would multiply.
     */
    static BedrockRuntimeClient client(LlmConfig config, URI endpoint, AwsCredentialsProvider botCredentials) {
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .credentialsProvider(
                        botCredentials != null
                                ? botCredentials
                                : DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(
                        c -> c.apiCallTimeout(config.callTimeout()).retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (config.region() != null) {
            builder.region(Region.of(config.region()));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        try {
            return builder.build();
        } catch (SdkClientException e) {
            if (config.region() != null) {
                throw e;
            }
            throw new ConfigException(
                    "llm.region",
                    null,
                    "is not set, and the AWS SDK found no region either (" + e.getMessage() + ")",
                    "set llm.region (or AWS_REGION) to the region of the Bedrock model, such as us-east-1");
        }
    }
}
