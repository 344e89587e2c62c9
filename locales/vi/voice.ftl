voice-please-type = Tôi chưa nghe được tin nhắn thoại. Bà con nhắn bằng chữ giúp tôi nha (có dấu hay không dấu đều được).
voice-failed = Tôi chưa nghe rõ tin nhắn thoại này. Bà con nói lại, hoặc nhắn bằng chữ giúp tôi nha.
voice-not-understood = Tôi không nghe được lời nào trong tin nhắn thoại. Bà con nói lại gần máy, hoặc nhắn bằng chữ nha.
voice-heard = 🎤 Tôi nghe bà con nói: «{ $text }»
