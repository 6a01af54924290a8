FAULT_MODES = {}
def receiver_faults(env, full): raise NotImplementedError
def slow_clients(env, full): raise NotImplementedError
def clock_back(env, full): raise NotImplementedError
