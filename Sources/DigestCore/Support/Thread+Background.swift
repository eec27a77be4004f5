import Foundation

extension Thread {
    /// Lowers the calling thread's share of the processor by `steps` nice
    /// values: for the helpers of a bulk load, whose work waits in queues
    /// anyway, so that the one thread that stores (and which everything else
    /// ends up waiting for) is not crowded out on a machine with few cores.
    /// Linux keeps the nice value per thread; elsewhere this does nothing.
    static func yieldPriority(by steps: Int32) {
        #if os(Linux)
        let thisThread = __priority_which_t(PRIO_PROCESS.rawValue)
        _ = setpriority(thisThread, 0, getpriority(thisThread, 0) + steps)
        #endif
    }
}
