# Zalo Official Account channel: why a message could not be sent (shown to officers), the webhook's answers.
outbound-undeliverable-oa-window-closed = đã quá 48 giờ từ tin nhắn cuối của bà con (hoặc đã gửi đủ 8 tin), OA chưa xác thực nên không được nhắn chủ động. Khi bà con nhắn lại cho OA, cán bộ gửi lại được.
outbound-undeliverable-oa-never-wrote = bà con chưa từng nhắn cho OA, OA chưa xác thực nên không được nhắn trước.
outbound-undeliverable-oa-quota-used = OA đã dùng hết lượt tin chủ động của tháng này.
outbound-undeliverable-unknown = kênh không cho gửi tin này.
admin-answer-undeliverable = ⚠️ Câu trả lời CHƯA tới được bà con: { $reason }
admin-answer-undeliverable-notice = ⚠️ Câu trả lời của anh/chị cho câu hỏi { $reference } CHƯA tới được bà con: { $reason }
admin-answer-delivery-pending = Đang chờ gửi tới bà con.
admin-answer-delivery-sending = Đang gửi tới bà con.
admin-answer-delivery-sent = Đã gửi tới bà con.
admin-answer-delivery-failed = Gửi không được sau nhiều lần thử (kênh lỗi).
zalo-oa-bad-request = Nội dung gửi tới không đọc được.
zalo-oa-too-large = Nội dung gửi tới quá lớn.
zalo-oa-bad-signature = Chữ ký không hợp lệ.
