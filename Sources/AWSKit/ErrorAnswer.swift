import Foundation

/// Reads the error code and message out of an AWS error answer.
enum ErrorAnswer {
    static func parse(_ body: [UInt8], wire: WireProtocol, status: Int) -> (code: String?, message: String) {
        switch wire {
        case .query:
            if let root = XMLElement.parse(body) {
                let error = root.path("Error") ?? root
                if let code = error.string("Code") {
                    return (code, error.string("Message") ?? "HTTP \(status)")
                }
            }
        case .json:
            if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
               let type = object["__type"] as? String {
                // "com.amazonaws.ssm#InvalidKeyId" and "InvalidKeyId" both name the code.
                let code = type.split(separator: "#").last.map(String.init) ?? type
                let message = (object["message"] ?? object["Message"]) as? String
                return (code, message ?? "HTTP \(status)")
            }
        }
        return (nil, "HTTP \(status) with an answer that is not an AWS error document")
    }
}
