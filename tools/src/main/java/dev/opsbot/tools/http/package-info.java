/**
 * What the HTTP-speaking tools (Argo CD, GitHub) share: one JSON GET with deadlines taken from the
 * {@link dev.opsbot.core.tool.ToolContext}, the translation of transport and status errors into
 * {@link dev.opsbot.core.tool.SourceFailure}, tool-argument parsing and a small JSON-schema builder. Credentials are
 * request headers here and nothing else: they are never logged and never put into a message.
 */
package dev.opsbot.tools.http;
