import FlyingSocks
import Foundation

/// A running `entente serve` on an ephemeral loopback port, stopped when the test ends.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let port: UInt16
    private let output = LockedText()

    /// With `readerLeaves`, standard output is read only up to the line with the address, then closed, as when
    /// the terminal or the log reader of a server has gone.
    init(site: URL, extra: [String] = [], environment: [String: String] = [:], readerLeaves: Bool = false) throws {
        process.executableURL = EntenteProcess.binary
        process.arguments = ["serve", "--site", site.path, "--port", "0"] + extra
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        if readerLeaves {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !output.text.contains("(Ctrl-C to stop)") {
                let count = buffer.withUnsafeMutableBytes { read(pipe.fileHandleForReading.fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                output.append(Data(buffer[..<count]))
            }
            try pipe.fileHandleForReading.close()
        } else {
            Self.drain(pipe.fileHandleForReading, into: output)
        }
        Self.drain(errors.fileHandleForReading, into: output)
        let deadline = Date().addingTimeInterval(30)
        var found: UInt16?
        while found == nil, Date() < deadline, process.isRunning {
            if let match = output.text.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//) { found = UInt16(match.1) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard let found else {
            process.terminate()
            throw ServeError.didNotStart(output.text)
        }
        port = found
    }

    enum ServeError: Error { case didNotStart(String) }

    /// Reads `handle` to its end on a thread of its own. Not `readabilityHandler`: the dispatch source behind it
    /// keeps firing at the end of the file and is never cancelled, and CI's test process once crashed in
    /// libdispatch's event loop (`_dispatch_event_loop_drain`) on such a source after its handle was gone.
    private static func drain(_ handle: FileHandle, into output: LockedText) {
        // A plain `read`, which returns what the pipe holds: FileHandle's `read(upToCount:)` waits for the whole count.
        Thread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                output.append(Data(buffer[..<count]))
            }
            try? handle.close()
        }.start()
    }

    var log: String { output.text }

    /// Waits until the log contains `text`, up to `seconds`.
    func waitForLog(_ text: String, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if log.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Sends SIGTERM and waits for the process to end; returns its exit status.
    func stop() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }

    /// A minimal HTTP/1.1 GET with the request target sent exactly as given (no normalisation).
    func get(_ target: String) async throws -> HTTPReply {
        // FlyingSocks' default connect timeout is 5 s; on a loaded two-core machine, with other suites
        // blocking threads of the concurrency pool that its client pool runs on, connecting took longer.
        let socket = try await AsyncSocket.connected(to: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: 60)
        defer { try? socket.close() }
        try await socket.write(Data("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
        var bytes: [UInt8] = []
        while true {
            do {
                let chunk = try await socket.read(atMost: 65536)
                if chunk.isEmpty { break }
                bytes += chunk
            } catch {
                break
            }
        }
        return HTTPReply(raw: String(decoding: bytes, as: UTF8.self))
    }

    /// Opens the reload event stream and returns the socket, to read events from.
    func openEvents() async throws -> AsyncSocket {
        let socket = try await AsyncSocket.connected(to: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: 60)
        try await socket.write(Data("GET /__entente/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
        return socket
    }
}

struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: String

    init(raw: String) {
        let parts = raw.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        body = parts.dropFirst().joined(separator: "\r\n\r\n")
        let lines = head.components(separatedBy: "\r\n")
        status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.headers = headers
    }
}

/// Text appended from one thread and read from another.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
