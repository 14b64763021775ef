extension String {
    /// A hash of the text's UTF-8 bytes, valid in this process only (`Hasher` is seeded per process). Unlike
    /// `hashValue` it does not first put a text with characters beyond ASCII into a normal form, scalar by scalar:
    /// for ids, which are ASCII, and for texts compared byte for byte.
    package var bytesHash: Int {
        var text = self
        return text.withUTF8 { bytes in
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return hasher.finalize()
        }
    }
}
