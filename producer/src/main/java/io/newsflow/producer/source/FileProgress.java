package io.newsflow.producer.source;

/**
 * How far a file has been read: the byte offset and line count the next read of a growing line-based
 * file starts from, and the format the file was read in.
 *
 * @param format the file's format, decided on its first read
 * @param offset bytes consumed from the start of the file
 * @param lines lines consumed (the next line read is {@code lines + 1})
 */
public record FileProgress(SourceFormat format, long offset, int lines) {}
