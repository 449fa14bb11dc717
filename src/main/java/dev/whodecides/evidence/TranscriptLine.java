package dev.whodecides.evidence;

/** One spoken line of an episode: when it starts, who speaks, what is said, under which chapter. */
public record TranscriptLine(int sec, String who, String text, String chapter) {}
