package org.medoc.archive.fits;

import nom.tam.util.RandomAccessFileIO;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The file as nom-tam-fits reads it, read-only, with every read charged to a {@link DecodeBudget}: the library's
 * own loops cannot be changed, but each of them has to come here for its bytes, so a stopped or over-budget decode
 * ends at its next read. Over {@link RandomAccessFile}, as nom-tam-fits reads a {@code File} itself (its own
 * channel-based implementation in 1.21.2 does not implement single-byte reads and misreads compressed heaps).
 */
final class BudgetedFileIO implements RandomAccessFileIO {

    private final RandomAccessFile file;
    private final DecodeBudget budget;

    BudgetedFileIO(Path path, DecodeBudget budget) throws IOException {
        this.file = new RandomAccessFile(path.toFile(), "r");
        this.budget = budget;
    }

    @Override
    public int read() throws IOException {
        budget.chargeBytes(1);
        return file.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        budget.check();
        int n = file.read(buffer, offset, length);
        if (n > 0) {
            budget.chargeBytes(n);
        }
        return n;
    }

    @Override
    public long position() throws IOException {
        return file.getFilePointer();
    }

    @Override
    public void position(long position) throws IOException {
        budget.check();
        file.seek(position);
    }

    @Override
    public long length() throws IOException {
        return file.length();
    }

    @Override
    public String readUTF() throws IOException {
        throw new IOException("not used for FITS");
    }

    @Override
    public FileChannel getChannel() {
        return file.getChannel();
    }

    @Override
    public FileDescriptor getFD() throws IOException {
        return file.getFD();
    }

    @Override
    public void setLength(long length) throws IOException {
        throw new IOException("the file is read-only");
    }

    @Override
    public void write(int b) throws IOException {
        throw new IOException("the file is read-only");
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        throw new IOException("the file is read-only");
    }

    @Override
    public void writeUTF(String s) throws IOException {
        throw new IOException("the file is read-only");
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
