/** Operator configuration: YAML defaults, an operator file, environment overrides. */
package org.weft.server.config;
