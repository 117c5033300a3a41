package org.tongxin.shared.files;

/**
 * The EXIF orientation (1–8) of a JPEG. Phones store a portrait photo as a landscape picture plus this tag,
 * and javax.imageio ignores the tag; without it, every portrait photo in the gallery would lie on its side.
 * Reads only the first IFD of the APP1 "Exif" segment; anything unexpected counts as 1 (upright).
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    static int of(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            return 1;
        }
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return 1;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1;
            }
            int length = u16(b, i + 2, true);
            int end = i + 2 + length;
            if (length < 2 || end > b.length) {
                return 1;
            }
            if (marker == 0xE1 && length >= 16 && b[i + 4] == 'E' && b[i + 5] == 'x' && b[i + 6] == 'i'
                    && b[i + 7] == 'f' && b[i + 8] == 0 && b[i + 9] == 0) {
                return fromTiff(b, i + 10, end);
            }
            i = end;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int start, int end) {
        boolean bigEndian;
        if (b[start] == 'M' && b[start + 1] == 'M') {
            bigEndian = true;
        } else if (b[start] == 'I' && b[start + 1] == 'I') {
            bigEndian = false;
        } else {
            return 1;
        }
        long offset = u32(b, start + 4, bigEndian);
        if (offset < 8 || offset > end - start - 2) {
            return 1;
        }
        int ifd = start + (int) offset;
        int entries = u16(b, ifd, bigEndian);
        for (int e = 0; e < entries; e++) {
            int entry = ifd + 2 + 12 * e;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, bigEndian) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        int hi = b[bigEndian ? at : at + 1] & 0xFF;
        int lo = b[bigEndian ? at + 1 : at] & 0xFF;
        return hi << 8 | lo;
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        long hi = u16(b, bigEndian ? at : at + 2, bigEndian);
        long lo = u16(b, bigEndian ? at + 2 : at, bigEndian);
        return hi << 16 | lo;
    }
}
