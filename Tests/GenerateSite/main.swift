import EntenteTestSupport
import Foundation

// Writes a generated site for the browser suite: `entente-generate-site OUT [--analyses N] [--treaties N]
// [--actors N] [--seed N]`.
var arguments = Array(CommandLine.arguments.dropFirst())
guard let output = arguments.first, !output.hasPrefix("--") else {
    FileHandle.standardError.write(Data("usage: entente-generate-site OUT [--analyses N] [--treaties N] [--actors N] [--seed N]\n".utf8))
    exit(2)
}
arguments.removeFirst()
var site = GeneratedSite()
while arguments.count >= 2 {
    let (option, value) = (arguments.removeFirst(), arguments.removeFirst())
    guard let number = Int(value), number >= 0 else {
        FileHandle.standardError.write(Data("\(option) needs a whole number, not '\(value)'\n".utf8))
        exit(2)
    }
    switch option {
    case "--analyses": site.analyses = number
    case "--treaties": site.treaties = number
    case "--actors": site.actors = number
    case "--seed": site.seed = UInt64(number)
    default:
        FileHandle.standardError.write(Data("unknown option \(option)\n".utf8))
        exit(2)
    }
}
guard arguments.isEmpty else {
    FileHandle.standardError.write(Data("\(arguments[0]) needs a value\n".utf8))
    exit(2)
}
try site.write(into: output)
