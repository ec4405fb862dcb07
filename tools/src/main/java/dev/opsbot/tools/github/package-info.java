/**
 * GitHub's REST API, read-only: Actions workflow runs and deployments (with their statuses), with a bearer token
 * per person and a configurable base URL (GitHub Enterprise: {@code https://github.example.com/api/v3}).
 * {@link dev.opsbot.tools.github.GitHubEvidence} turns the runs and deployments of the service's repositories that
 * fall inside the window into {@link dev.opsbot.core.triage.ChangeKind#CI_RUN} changes; a failed run is still a
 * change, since it may have deployed half of what it meant to. Rate limiting is reported as such, with the time it
 * lifts.
 */
package dev.opsbot.tools.github;
