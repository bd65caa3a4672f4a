/** View models: plain records holding exactly what a template shows. No logic, no lookups. */
package org.weft.web.view;
