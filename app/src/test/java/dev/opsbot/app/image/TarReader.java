package dev.opsbot.app.image;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a tar stream entry by entry, in the dialects the image is written in: GNU tar's (long names in 'L'
 * entries) for the base layers, and ustar with PAX records for Jib's. The JDK has no tar reader.
 */
final class TarReader {
    private static final int BLOCK = 512;

    /** One entry; {@code path} without a leading {@code ./} or {@code /} and without a trailing slash. */
    record Entry(String path, char type, int mode, long uid, long gid, long size, String linkTarget) {
        boolean isDirectory() {
            return type == '5';
        }

        boolean isSymlink() {
            return type == '2';
        }

        boolean isFile() {
            return type == '0';
        }
    }

    /** Called for every entry with a stream of exactly its content, which it may leave unread. */
    interface Visitor {
        void visit(Entry entry, InputStream content) throws IOException;
    }

    private TarReader() {}

    static void read(InputStream in, Visitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        Map<String, String> extended = new HashMap<>();
        while (readHeader(in, header)) {
            char type = header[156] == 0 ? '0' : (char) header[156];
            long size = number(header, 124, 12);
            switch (type) {
                case 'L' -> extended.put("path", text(readContent(in, size)));
                case 'K' -> extended.put("linkpath", text(readContent(in, size)));
                case 'x' -> extended.putAll(paxRecords(readContent(in, size)));
                case 'g' -> readContent(in, size);
                default -> {
                    Entry entry = entry(header, type, size, extended);
                    extended.clear();
                    Bounded content = new Bounded(in, size);
                    visitor.visit(entry, content);
                    content.skipNBytes(content.remaining);
                    in.skipNBytes(padding(size));
                }
            }
        }
    }

    private static Entry entry(byte[] header, char type, long size, Map<String, String> extended) {
        String path = extended.getOrDefault("path", ustarName(header));
        String link = extended.getOrDefault("linkpath", text(header, 157, 100));
        long uid = extended.containsKey("uid") ? Long.parseLong(extended.get("uid")) : number(header, 108, 8);
        long gid = extended.containsKey("gid") ? Long.parseLong(extended.get("gid")) : number(header, 116, 8);
        return new Entry(normalize(path), type, (int) number(header, 100, 8), uid, gid, size, link);
    }

    private static String ustarName(byte[] header) {
        String name = text(header, 0, 100);
        boolean posix = "ustar\0".equals(new String(header, 257, 6, StandardCharsets.US_ASCII));
        String prefix = posix ? text(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String normalize(String path) {
        String normalized = path.startsWith("./") ? path.substring(2) : path;
        normalized = normalized.startsWith("/") ? normalized.substring(1) : normalized;
        return normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1) : normalized;
    }

    /** PAX records: {@code "<length> <key>=<value>\n"}, the length counting the whole record. */
    private static Map<String, String> paxRecords(byte[] content) {
        Map<String, String> records = new HashMap<>();
        int at = 0;
        while (at < content.length) {
            int space = indexOf(content, (byte) ' ', at);
            int length = Integer.parseInt(new String(content, at, space - at, StandardCharsets.US_ASCII));
            String record = new String(content, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            records.put(record.substring(0, equals), record.substring(equals + 1));
            at += length;
        }
        return records;
    }

    private static boolean readHeader(InputStream in, byte[] header) throws IOException {
        int read = in.readNBytes(header, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new EOFException("tar header cut short after " + read + " bytes");
        }
        for (byte b : header) {
            if (b != 0) {
                return true;
            }
        }
        return false; // the end-of-archive block
    }

    private static byte[] readContent(InputStream in, long size) throws IOException {
        byte[] content = in.readNBytes(Math.toIntExact(size));
        in.skipNBytes(padding(size));
        return content;
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    /** Octal digits, or GNU's base-256 when the high bit of the first byte is set. */
    private static long number(byte[] header, int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            long value = header[offset] & 0x7f;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        String digits = text(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String text(byte[] content) {
        return text(content, 0, content.length);
    }

    private static int indexOf(byte[] content, byte wanted, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("malformed PAX record at byte " + from);
    }

    /** The content of one entry: ends where the entry does, whatever the visitor reads. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long size) {
            super(in);
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public void close() {
            // the archive's stream stays open for the next entry
        }
    }
}
