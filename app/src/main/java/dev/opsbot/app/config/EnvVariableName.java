package dev.opsbot.app.config;

/**
 * The names of the environment variables opsbot reads, in one place. They are a contract with deployments and
 * outside checks (see ARCHITECTURE.md), so they change only by keeping the old name working. Slack's, Bot
 * Framework's and AWS's variables keep those projects' own names so an existing deployment's settings just work.
 *
 * <p>{@code AWS_ACCESS_KEY_ID}, {@code AWS_ENDPOINT_URL} and the rest of the AWS SDK's variables are not here:
 * the SDK's default chain reads them itself.
 */
public final class EnvVariableName {
    public static final String OPSBOT_HOST = "OPSBOT_HOST";
    public static final String OPSBOT_PORT = "OPSBOT_PORT";
    public static final String OPSBOT_CONSOLE_TOKEN = "OPSBOT_CONSOLE_TOKEN";

    public static final String OPSBOT_DATABASE_URL = "OPSBOT_DATABASE_URL";
    public static final String OPSBOT_DATABASE_USER = "OPSBOT_DATABASE_USER";
    public static final String OPSBOT_DATABASE_PASSWORD = "OPSBOT_DATABASE_PASSWORD";
    public static final String OPSBOT_DATA_DIR = "OPSBOT_DATA_DIR";

    public static final String OPSBOT_LOG_FORMAT = "OPSBOT_LOG_FORMAT";

    public static final String OPSBOT_LLM_PROVIDER = "OPSBOT_LLM_PROVIDER";
    public static final String OPSBOT_LLM_BASE_URL = "OPSBOT_LLM_BASE_URL";
    public static final String OPSBOT_LLM_MODEL = "OPSBOT_LLM_MODEL";
    public static final String OPSBOT_LLM_API_KEY = "OPSBOT_LLM_API_KEY";
    public static final String AWS_REGION = "AWS_REGION";

    public static final String SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String SLACK_APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String OPSBOT_SLACK_API_URL = "OPSBOT_SLACK_API_URL";

    public static final String MICROSOFT_APP_ID = "MICROSOFT_APP_ID";
    public static final String MICROSOFT_APP_PASSWORD = "MICROSOFT_APP_PASSWORD";
    public static final String MICROSOFT_APP_TENANT_ID = "MICROSOFT_APP_TENANT_ID";

    private EnvVariableName() {}
}
