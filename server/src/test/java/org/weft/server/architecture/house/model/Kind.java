package org.weft.server.architecture.house.model;

/** A value every layer may use. */
public enum Kind { OFFER, REQUEST }
