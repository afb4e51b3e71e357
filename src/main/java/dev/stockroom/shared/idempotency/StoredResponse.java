package dev.stockroom.shared.idempotency;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/** What a replay sends back: the status, the headers that describe the result, and the body. */
record StoredResponse(
        int status,
        @Nullable String contentType,
        @Nullable String location,
        @Nullable String etag,
        byte[] body) {

    byte[] toBytes() {
        var bytes = new ByteArrayOutputStream(body.length + 256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(status);
            writeNullable(out, contentType);
            writeNullable(out, location);
            writeNullable(out, etag);
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StoredResponse fromBytes(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int status = in.readInt();
            String contentType = readNullable(in);
            String location = readNullable(in);
            String etag = readNullable(in);
            byte[] body = in.readNBytes(in.readInt());
            return new StoredResponse(status, contentType, location, etag, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNullable(DataOutputStream out, @Nullable String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static @Nullable String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
