/// Where a compiled template finds a value: a fixed position in the render stack, then fields by index.
/// Resolved once, when the template is compiled; rendering never looks a name up.
struct ValuePath: Sendable {
    /// The index in the stack of scopes, from the outermost (the rendered value itself) at 0.
    let depth: Int
    /// Field indices followed from that scope's value; empty for the value itself (`.`).
    let fields: [Int]
}

/// One step of a compiled template.
enum CompiledOp: Sendable {
    case text(String)
    /// Writes a text, number or condition (HTML-escaped when `escaped`); an absent value writes nothing.
    case value(ValuePath, escaped: Bool)
    /// Renders `body` once when the value's truthiness is `whenTruthy`; opens no scope.
    case condition(ValuePath, whenTruthy: Bool, body: [CompiledOp])
    /// Renders `body` with the value as the innermost scope, when the value is present.
    case scope(ValuePath, body: [CompiledOp])
    /// Renders `body` once per element of the list, each element the innermost scope.
    case loop(ValuePath, body: [CompiledOp])
}
