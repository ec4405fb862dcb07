/**
 * The tool SPI: a name, descriptions for the model and for people, a JSON schema, a {@link dev.opsbot.core.tool.Risk}
 * and a sealed {@link dev.opsbot.core.tool.ToolResult}. Implementations live in the {@code tools} module, one package
 * per source. Tools act as the person in {@link dev.opsbot.core.tool.ToolContext}, never with global credentials.
 */
package dev.opsbot.core.tool;
