import Foundation
import Hummingbird
import Logging
import NIOCore

/// Serves a `PreviewSite` over HTTP with Hummingbird: pages, assets, the 404 page, and the reload event stream.
public struct PreviewServer: Sendable {
    public let site: PreviewSite
    /// The Hummingbird application, running; cancelling it closes the listening socket and every connection.
    private let running: Task<Void, any Error>
    /// The port actually listened on (useful when port 0 asked for any free one).
    public let port: UInt16
    public let host: String

    public enum StartError: Error, CustomStringConvertible {
        case portsInUse(host: String, first: UInt16, last: UInt16)
        case cannotListen(host: String, port: UInt16, reason: String)

        public var description: String {
            switch self {
            case let .portsInUse(host, first, last):
                first == last ? "port \(first) on \(host) is already in use; choose another with --port"
                    : "ports \(first) to \(last) on \(host) are all in use; choose another with --port"
            case let .cannotListen(host, port, reason): "cannot listen on \(host):\(port): \(reason)"
            }
        }
    }

    /// Starts listening on `host`, on `port` or, when `tryNext` is set and it is taken, on the next free one
    /// of the following ten.
    public static func start(site: PreviewSite, host: String, port: UInt16, tryNext: Bool) async throws -> PreviewServer {
        // NIO would also resolve a host name; the command promises an IP address, and says so when it is not one.
        guard Self.isIPAddress(host) else {
            throw StartError.cannotListen(host: host, port: port, reason: "'\(host)' is not an IP address")
        }
        let last = tryNext && port != 0 ? min(port &+ 10, UInt16.max) : port
        var candidate = port
        while true {
            switch await Self.listen(site: site, host: host, port: candidate) {
            case .listening(let running, let bound):
                return PreviewServer(site: site, running: running, port: bound, host: host)
            case .failed(let inUse, let reason):
                guard candidate < last else {
                    if inUse { throw StartError.portsInUse(host: host, first: port, last: candidate) }
                    throw StartError.cannotListen(host: host, port: candidate, reason: reason)
                }
                candidate += 1
            }
        }
    }

    private enum Outcome: Sendable {
        case listening(Task<Void, any Error>, port: UInt16)
        case failed(inUse: Bool, reason: String)
    }

    /// Runs the application until it either listens (its `onServerRunning` reports the bound port) or fails to bind.
    private static func listen(site: PreviewSite, host: String, port: UInt16) async -> Outcome {
        let (bound, reportBound) = AsyncStream<UInt16>.makeStream()
        let application = Application(
            responder: PreviewResponder(site: site),
            configuration: ApplicationConfiguration(address: .hostname(host, port: Int(port))),
            onServerRunning: { channel in
                reportBound.yield(channel.localAddress?.port.flatMap(UInt16.init(exactly:)) ?? port)
                reportBound.finish()
            },
            logger: Self.silentLogger
        )
        // `run()`, unlike `runService()`, traps no signals: the serve command handles SIGINT and SIGTERM itself.
        let running = Task {
            defer { reportBound.finish() }
            try await application.run()
        }
        var ports = bound.makeAsyncIterator()
        if let actual = await ports.next() { return .listening(running, port: actual) }
        switch await running.result {
        case .failure(let error):
            if let error = error as? IOError, error.errnoCode == EADDRINUSE { return .failed(inUse: true, reason: "address already in use") }
            if let error = error as? IOError { return .failed(inUse: false, reason: String(cString: strerror(error.errnoCode))) }
            return .failed(inUse: false, reason: String(describing: error))
        case .success:
            return .failed(inUse: false, reason: "the server stopped")
        }
    }

    /// Hummingbird and ServiceLifecycle log to standard output by default; the serve command prints its own lines.
    private static let silentLogger = Logger(label: "entente.preview") { _ in SwiftLogNoOpLogHandler() }

    private static func isIPAddress(_ host: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET, host, &address) == 1 || inet_pton(AF_INET6, host, &address) == 1
    }

    /// Stops listening, ends the event streams and waits for open connections to close.
    public func stop() async {
        // An open event stream would keep its connection's handler waiting; ending the streams lets it finish.
        await site.closeEventStreams()
        running.cancel()
        _ = await running.result
    }
}
