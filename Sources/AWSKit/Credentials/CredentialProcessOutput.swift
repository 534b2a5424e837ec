import Foundation

/// The JSON a `credential_process` prints (Version 1), read into keys.
enum CredentialProcessOutput {
    /// Why the output was refused, as a phrase for an error message.
    struct Reason: Error, Equatable {
        var text: String
        init(_ text: String) { self.text = text }
    }

    static func parse(_ bytes: [UInt8]) -> Result<AWSCredentials, Reason> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return .failure(Reason("it did not print a JSON object"))
        }
        guard let version = object["Version"] as? Int, version == 1 else {
            return .failure(Reason("its JSON has no \"Version\": 1"))
        }
        guard let keyID = object["AccessKeyId"] as? String, !keyID.isEmpty,
              let secret = object["SecretAccessKey"] as? String, !secret.isEmpty else {
            return .failure(Reason("its JSON lacks AccessKeyId or SecretAccessKey"))
        }
        var expiration: Date?
        if let text = object["Expiration"] as? String {
            guard let date = ISODate.parse(text) else { return .failure(Reason("its Expiration is not an ISO 8601 time")) }
            expiration = date
        }
        let token = (object["SessionToken"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        return .success(AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token,
                                       expiration: expiration))
    }
}
