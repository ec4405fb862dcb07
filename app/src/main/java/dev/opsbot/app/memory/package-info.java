/** Team memory wired in: the in-process embedding model (loaded in the background), the index over the store. */
package dev.opsbot.app.memory;
