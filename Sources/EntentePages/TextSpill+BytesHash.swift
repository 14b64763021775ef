import EntenteModel
import EntenteSupport

extension TextSpill {
    /// Stores `text`, hashed by its bytes as `MarkdownText.digest` hashes the texts it sets aside.
    package func store(_ text: String) -> Slice? {
        store(text, hash: text.bytesHash)
    }
}
