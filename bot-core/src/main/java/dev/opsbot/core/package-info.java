/**
 * opsbot's platform-neutral core. Subpackages are capabilities ({@code chat}, {@code conversation}, {@code store},
 * {@code console}); none imports a vendor SDK, which the build enforces.
 */
package dev.opsbot.core;
