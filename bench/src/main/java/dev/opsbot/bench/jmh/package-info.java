/**
 * JMH microbenchmarks of the accept path: intent parsing, and a console post into H2 up to the point where the HTTP
 * handler answers 202. Run with {@code org.openjdk.jmh.Main}; see bench/README.md.
 */
package dev.opsbot.bench.jmh;
