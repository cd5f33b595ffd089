import Foundation
import KinoEditor

/// A thread-safe queue of actions: background work posts, the UI loop drains.
final class ActionQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []
    func post(_ action: Action) { lock.withLock { pending.append(action) } }
    func drain() -> [Action] {
        lock.withLock {
            let out = pending
            pending.removeAll(keepingCapacity: true)
            return out
        }
    }
}
