package io.newsflow.producer.state;

/**
 * How far one file has been read and sent: its size and modification time when it was read, and for
 * line-based files the byte offset and line count the next read starts from.
 *
 * @param size the file's size in bytes when it was last read
 * @param modifiedMillis its modification time then, epoch millis
 * @param offset bytes consumed (sent, or reported as failed) from its start
 * @param lines lines consumed
 * @param format the {@code source.format} label it was read as
 */
public record FileMark(long size, long modifiedMillis, long offset, int lines, String format) {}
