import EntenteKit
import EntenteModel
import EntenteSupport
import EntenteResolving
import EntentePages
import EntenteOutput
import TemplateEngine
import FlyingFox
import FlyingSocks
import Foundation

/// Serves a `PreviewSite` over HTTP with FlyingFox: pages, assets, the 404 page, and the reload event stream.
public struct PreviewServer: Sendable {
    public let site: PreviewSite
    private let server: HTTPServer
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
        let last = tryNext && port != 0 ? min(port &+ 10, UInt16.max) : port
        var candidate = port
        var lastReason = ""
        while true {
            let address: any SocketAddress
            do {
                address = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: candidate)
                    : try sockaddr_in.inet(ip4: host, port: candidate)
            } catch {
                throw StartError.cannotListen(host: host, port: candidate, reason: "'\(host)' is not an IP address")
            }
            let server = HTTPServer(address: address, timeout: 60, pool: NoDelaySocketPool(base: HTTPServer.defaultPool()),
                                    logger: .disabled, handler: PreviewHandler(site: site))
            let running = Task { try await server.run() }
            let outcome = await Self.waitForListening(server, running)
            switch outcome {
            case .listening:
                var actualPort = candidate
                if case .ip4(_, let bound)? = await server.listeningAddress { actualPort = bound }
                if case .ip6(_, let bound)? = await server.listeningAddress { actualPort = bound }
                return PreviewServer(site: site, server: server, running: running, port: actualPort, host: host)
            case .failed(let reason):
                lastReason = reason
                guard candidate < last else {
                    if lastReason.localizedCaseInsensitiveContains("in use") {
                        throw StartError.portsInUse(host: host, first: port, last: candidate)
                    }
                    throw StartError.cannotListen(host: host, port: candidate, reason: lastReason)
                }
                candidate += 1
            }
        }
    }

    private enum Outcome: Sendable { case listening, failed(String) }

    /// Binding fails at once when it fails, so a short wait tells success from failure.
    private static func waitForListening(_ server: HTTPServer, _ running: Task<Void, any Error>) async -> Outcome {
        do {
            try await server.waitUntilListening(timeout: 3)
            return .listening
        } catch {
            running.cancel()
            switch await running.result {
            case .failure(let error): return .failed(Self.describe(error))
            case .success: return .failed("the server stopped")
            }
        }
    }

    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("98") || text.localizedCaseInsensitiveContains("in use") { return "address already in use" }
        return text
    }

    /// Stops listening, ends the event streams and waits for open connections to close.
    public func stop() async {
        await site.closeEventStreams()
        await server.stop(timeout: 1)
        running.cancel()
    }
}

/// FlyingFox's socket pool with Nagle's algorithm turned off on every connection.
///
/// FlyingFox writes a response's head and body in separate writes and never sets `TCP_NODELAY`, so on Linux
/// Nagle's algorithm and delayed acknowledgements hold every response for about 40 ms: measured here, 724
/// requests per second with 32 connections, against 9,300 to 10,200 with this pool.
package struct NoDelaySocketPool: AsyncSocketPool {
    package let base: any AsyncSocketPool

    package func prepare() async throws { try await base.prepare() }

    package func run() async throws { try await base.run() }

    package func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        try? socket.setValue(true, for: BoolSocketOption(level: Int32(IPPROTO_TCP), name: Int32(TCP_NODELAY)))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}

/// Answers every request from the preview site; nothing outside it can be named.
package struct PreviewHandler: HTTPHandler {
    package let site: PreviewSite

    package func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            var headers = HTTPHeaders()
            headers[HTTPHeader("Allow")] = "GET, HEAD"
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
        }
        let path = RequestPath(target: request.target.rawValue)
        if path == .events {
            let stream = await site.events()
            var headers = HTTPHeaders()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return HTTPResponse(statusCode: .ok, headers: headers,
                                body: HTTPBodySequence(from: EventStreamBytes(stream: stream), suggestedBufferSize: 512))
        }
        let response = await site.response(for: path)
        var headers = HTTPHeaders()
        for header in response.headers { headers[HTTPHeader(header.name)] = header.value }
        let body = request.method == .HEAD ? Data() : Data(response.body)
        return HTTPResponse(statusCode: HTTPStatusCode(response.status, phrase: Self.phrase(response.status)),
                            headers: headers, body: body)
    }

    package static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 404: "Not Found"
        default: "Error"
        }
    }
}

/// The reload events of one open page, as the bytes of a chunked HTTP body.
package struct EventStreamBytes: AsyncBufferedSequence {
    package typealias Element = UInt8
    package let stream: AsyncStream<String>

    package func makeAsyncIterator() -> Iterator { Iterator(messages: stream.makeAsyncIterator()) }

    package struct Iterator: AsyncBufferedIteratorProtocol {
        package var messages: AsyncStream<String>.AsyncIterator
        package var pending: [UInt8] = []

        package mutating func next() async -> UInt8? {
            if pending.isEmpty {
                guard let message = await messages.next() else { return nil }
                pending = Array(message.utf8)
            }
            return pending.removeFirst()
        }

        package mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let message = await messages.next() else { return nil }
                pending = Array(message.utf8)
            }
            let chunk = Array(pending.prefix(Swift.max(count, 1)))
            pending.removeFirst(chunk.count)
            return chunk
        }
    }
}
