/**
 * Who a chat user is in the organisation, looked up by the e-mail their chat platform shows.
 * {@link dev.opsbot.identity.directory.Directory} is the one-method port; IAM Identity Center is the usual source
 * of truth, and {@link dev.opsbot.identity.directory.StaticDirectory} lists people in opsbot's configuration for
 * teams without it, or as overrides chained in front of it. A directory that cannot be asked says so with a
 * {@link dev.opsbot.identity.directory.DirectoryUnavailableException}, so an outage is never mistaken for "this
 * person is unknown".
 */
package dev.opsbot.identity.directory;
