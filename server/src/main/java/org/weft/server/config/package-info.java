/**
 * Operator configuration: YAML defaults, an operator file, environment overrides; and the address types that settings
 * name (trusted proxies, IP literals).
 */
package org.weft.server.config;
