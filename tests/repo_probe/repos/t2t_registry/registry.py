"""Name -> model / hparams / layer registries, in tensor2tensor's style."""
_MODELS = {}
_HPARAMS = {}
_LAYERS = {}


def _default_name(obj):
    name = obj.__name__
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i > 0:
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def register_model(name=None):
    def decorator(model_cls, registration_name=None):
        model_name = registration_name or _default_name(model_cls)
        if model_name in _MODELS:
            raise LookupError("Model %s already registered." % model_name)
        model_cls.REGISTERED_NAME = model_name
        _MODELS[model_name] = model_cls
        return model_cls

    if callable(name):
        return decorator(name, registration_name=_default_name(name))
    return lambda model_cls: decorator(model_cls, name)


def register_hparams(fn):
    _HPARAMS[fn.__name__] = fn
    return fn


def register(name):
    def decorator(fn):
        _LAYERS[name] = fn
        return fn
    return decorator


def model(name):
    return _MODELS[name]


def hparams(name):
    return _HPARAMS[name]()


def layer(name):
    return _LAYERS[name]
