"""BERT's BertModel(config, is_training, input_ids): a tiny BertConfig from each side's module."""


def model_args(module, side):
    config = module.BertConfig(vocab_size=10, hidden_size=8, num_hidden_layers=2,
                               num_attention_heads=2, intermediate_size=16,
                               max_position_embeddings=16, type_vocab_size=2,
                               hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
    return {"config": config, "is_training": False}
