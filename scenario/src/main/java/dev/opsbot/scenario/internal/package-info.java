/**
 * How scenarios are read and served; not an API. Reading: {@code TreeReader} and {@code Located} (JSON trees with
 * the line of every value), one reader per part of the directory. Serving: {@code KubernetesMock} (fabric8's mock
 * server in CRUD mode, seeded by {@code CrudSeeder}, dispatched by {@code ScenarioDispatcher}: pod logs, field
 * selectors, core-group reads, discovery) and {@code ChangeEndpoints} (Argo CD and GitHub on the JDK's HTTP server).
 * Generating: {@code NoiseWorkloads} and {@code NoiseEvents}.
 */
package dev.opsbot.scenario.internal;
