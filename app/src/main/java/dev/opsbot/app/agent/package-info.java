/** The model's wiring: the configured chat model, the agent over the backend's READ tools, and its metrics. */
package dev.opsbot.app.agent;
