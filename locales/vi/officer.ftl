officer-ask = Bà con muốn hỏi cán bộ điều gì? Nhắn câu hỏi vào đây, cán bộ sẽ trả lời trong khung chat này. (Nhắn /huy để thôi.)
officer-reply-ask = Bà con nhắn lời trả lời cán bộ (mã { $reference }) vào đây nha. (Nhắn /huy để thôi.)
officer-reply-nothing = Cán bộ chưa nhắn gì cho bà con để trả lời. Bà con cần hỏi cán bộ thì bấm «Gặp cán bộ» nha.
officer-reply-confirm =
    Lời nhắn của bà con:
    «{ $question }»
    Gửi cho cán bộ nha?
officer-reply-sent = Đã gửi lời nhắn cho cán bộ (mã { $reference }). Cán bộ sẽ trả lời trong khung chat này nha.
officer-ask-again = Bà con nhắn lại câu hỏi nha:
officer-confirm =
    Câu hỏi của bà con:
    «{ $question }»
    Gửi cho cán bộ nha?
officer-send = ✅ Gửi cho cán bộ
officer-cancelled = Đã thôi, câu hỏi chưa được gửi. Nhắn /menu để chọn việc khác.
officer-sent = Đã gửi câu hỏi cho cán bộ. Mã của bà con: { $reference }. Cán bộ sẽ trả lời trong khung chat này, bà con chờ chút nha.
