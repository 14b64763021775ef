import Hummingbird
import HTTPTypes
import NIOCore

/// Answers every request from the preview site; nothing outside it can be named.
package struct PreviewResponder: HTTPResponder {
    package typealias Context = BasicRequestContext
    package let site: PreviewSite

    package init(site: PreviewSite) {
        self.site = site
    }

    package func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        // The target as the client sent it, still percent-encoded and with any `..`: RequestPath judges it.
        // (For the absolute form, `http://host/path`, NIO passes on the path and query alone.)
        let path = RequestPath(target: request.head.path ?? "")
        if path == .events {
            let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
            guard request.method == .get else { return Response(status: .ok, headers: headers) }
            let stream = await site.events()
            // No length, so the body is chunked; each write is flushed, so every event reaches the page at once.
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                for await message in stream { try await writer.write(ByteBuffer(string: message)) }
                try await writer.finish(nil)
            })
        }
        let answer = await site.response(for: path)
        var headers = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { headers[name] = header.value }
        }
        let response = Response(status: HTTPResponse.Status(code: answer.status, reasonPhrase: Self.phrase(answer.status)),
                                headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        // HEAD keeps the Content-Length a GET would have, without the body.
        return request.method == .head ? response.createHeadResponse() : response
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
