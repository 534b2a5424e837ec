import Foundation

/// Runs blocking work (starting moto servers, seeding them through python) on a thread of
/// its own and awaits it, so an async test never holds one of the few threads of the
/// cooperative pool that every suite running in parallel shares.
public func offPool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
