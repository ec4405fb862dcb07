/**
 * From a directory person to what opsbot may do as them. {@link dev.opsbot.identity.mapping.GroupMappings} turn a
 * person's directory groups into per-environment access (roles, Kubernetes groups, approver), so access is granted
 * where the organisation already manages membership and never per person in opsbot.
 * {@link dev.opsbot.identity.mapping.MappingResolver} is the {@link dev.opsbot.core.identity.IdentityResolver}:
 * it refuses by default, and every refusal tells the person who to ask and for which group.
 */
package dev.opsbot.identity.mapping;
