package org.weft.server.domain.classify;

/** A cue phrase found in a post, covering words {@code start} (inclusive) to {@code end} (exclusive). */
record CueHit(CuePattern pattern, int start, int end) {

    String label() {
        return pattern.label();
    }

    int weight() {
        return pattern.weight();
    }
}
