import Foundation

/// A bounded first-in first-out hand-off between one producer thread and one consumer.
/// `put` blocks while full; `take` blocks while empty; `close` wakes both for good.
final class BoundedQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var closed = false
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// False when the queue was closed, and the element was not added.
    func put(_ element: Element) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while items.count >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// Nil once the queue is closed and drained.
    func take() -> Element? {
        condition.lock(); defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        let e = items.removeFirst()
        condition.broadcast()
        return e
    }

    /// Stops further puts; takes still drain what is queued.
    func close() {
        condition.lock(); defer { condition.unlock() }
        closed = true
        condition.broadcast()
    }

    /// Closes and drops what is still queued.
    func discard() {
        condition.lock(); defer { condition.unlock() }
        closed = true
        items.removeAll()
        condition.broadcast()
    }
}

/// Runs `produce` for indices 0..<count on its own thread, a few items ahead of the caller,
/// who takes results in order with `next()`. The thread is joined by `finish()`.
final class ProducerThread<Output>: @unchecked Sendable {
    enum Item { case value(Output), failure(any Error) }

    private let queue: BoundedQueue<Item>
    private let done = DispatchSemaphore(value: 0)
    private var joined = false

    init(count: Int, ahead: Int, stop: @escaping @Sendable () -> Bool,
         produce: @escaping @Sendable (Int) throws -> Output) {
        let queue = BoundedQueue<Item>(capacity: ahead)
        self.queue = queue
        let done = self.done
        let thread = Thread {
            defer { queue.close(); done.signal() }
            for i in 0..<count {
                if stop() { return }
                do {
                    let value = try produce(i)
                    if !queue.put(.value(value)) { return }
                } catch {
                    _ = queue.put(.failure(error))
                    return
                }
            }
        }
        thread.name = "kino-export-frames"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next result in order; nil when the producer stopped early (stop() said so).
    func next() throws -> Output? {
        switch queue.take() {
        case .value(let v): return v
        case .failure(let e): throw e
        case nil: return nil
        }
    }

    /// Stops the producer (if still running), drops queued items and waits for its thread.
    func finish() {
        guard !joined else { return }
        joined = true
        queue.discard()
        done.wait()
        queue.discard()
    }

    deinit { finish() }
}
