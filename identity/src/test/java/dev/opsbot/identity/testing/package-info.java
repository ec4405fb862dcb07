/** Test support other modules use through identity's test-jar: STS as WireMock plays it. */
package dev.opsbot.identity.testing;
