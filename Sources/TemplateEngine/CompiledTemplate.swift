/// A template checked against a type and compiled: every name is a fixed position, so rendering does no lookups
/// by name, no dictionary lookups and no dynamic casts, and appends into one buffer.
///
/// Render it with values of the type it was compiled for. A value of another shape never traps: what is not where
/// the type says renders as absent.
public struct CompiledTemplate: Sendable {
    let ops: [CompiledOp]
    /// How many scopes rendering can open, to size the stack once.
    let stackDepth: Int
    /// The length of the template's own text, a floor for the output's.
    let textLength: Int

    init(ops: [CompiledOp], stackDepth: Int) {
        self.ops = ops
        self.stackDepth = stackDepth
        textLength = Self.textLength(of: ops)
    }

    private static func textLength(of ops: [CompiledOp]) -> Int {
        ops.reduce(0) { total, op in
            switch op {
            case .text(let text): total + text.utf8.count
            case .value: total + 16
            case .condition(_, _, let body), .scope(_, let body), .loop(_, let body): total + textLength(of: body)
            }
        }
    }

    /// The same template with nothing HTML-escaped: `{{name}}` writes its value as `{{{name}}}` does. For text
    /// that is not HTML, such as the skeletons of new content files (Markdown and YAML).
    public func withoutEscaping() -> CompiledTemplate {
        func plain(_ ops: [CompiledOp]) -> [CompiledOp] {
            ops.map { op in
                switch op {
                case .text: op
                case .value(let path, _): .value(path, escaped: false)
                case .condition(let path, let whenTruthy, let body): .condition(path, whenTruthy: whenTruthy, body: plain(body))
                case .scope(let path, let body): .scope(path, body: plain(body))
                case .loop(let path, let body): .loop(path, body: plain(body))
                }
            }
        }
        return CompiledTemplate(ops: plain(ops), stackDepth: stackDepth)
    }

    /// `value` rendered.
    public func render(_ value: TemplateValue) -> String {
        var output = ""
        output.reserveCapacity(textLength + textLength / 2)
        render(value, into: &output)
        return output
    }

    /// Appends `value` rendered to `output`.
    public func render(_ value: TemplateValue, into output: inout String) {
        var stack: [TemplateValue] = []
        stack.reserveCapacity(stackDepth)
        stack.append(value)
        Self.run(ops, stack: &stack, output: &output)
    }

    private static func run(_ ops: [CompiledOp], stack: inout [TemplateValue], output: inout String) {
        // By index, not `for op in ops`: each op is read in place rather than copied out (with its text, path and
        // body retained and released) on every step.
        for index in ops.indices {
            switch ops[index] {
            case .text(let text):
                output.append(text)
            case .value(let path, let escaped):
                DynamicRenderer.write(value(at: path, in: stack), escaped: escaped, into: &output)
            case .condition(let path, let whenTruthy, let body):
                if value(at: path, in: stack).isTruthy == whenTruthy { run(body, stack: &stack, output: &output) }
            case .scope(let path, let body):
                let scope = value(at: path, in: stack)
                if scope.isTruthy {
                    stack.append(scope)
                    run(body, stack: &stack, output: &output)
                    stack.removeLast()
                }
            case .loop(let path, let body):
                if case .list(let elements) = value(at: path, in: stack) {
                    for element in elements {
                        stack.append(element)
                        run(body, stack: &stack, output: &output)
                        stack.removeLast()
                    }
                }
            }
        }
    }

    /// The value at `path`. A field of a scope, nearly every path, is read from the scope in place: copying the
    /// scope's object first (its type and its fields retained, then released) was most of the engine's own time.
    @inline(__always)
    private static func value(at path: ValuePath, in stack: [TemplateValue]) -> TemplateValue {
        guard path.depth < stack.count else { return .absent }
        switch path.fields.count {
        case 0:
            return stack[path.depth]
        case 1:
            guard case .object(let object) = stack[path.depth], path.fields[0] < object.fields.count else { return .absent }
            return object.fields[path.fields[0]]
        default:
            var value = stack[path.depth]
            for field in path.fields {
                guard case .object(let object) = value, field < object.fields.count else { return .absent }
                value = object.fields[field]
            }
            return value
        }
    }
}
