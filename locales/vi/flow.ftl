flow-text-expected = Bà con nhắn bằng chữ giúp tôi nha (tôi chưa đọc được hình, nhãn dán hay tin nhắn thoại). Nhắn /huy nếu muốn thôi.
flow-button-expected = Bà con bấm một nút ở tin nhắn phía trên nha, hoặc nhắn /huy để thôi.
fallback-media = Tôi chỉ đọc được chữ và nút bấm thôi. Bà con nhắn câu hỏi bằng chữ, hoặc chọn trong menu nha.
fallback-old-button = Nút này đã cũ (bước đó xong rồi). Bà con chọn việc cần làm bên dưới nha:
fallback-old-button-in-flow = Nút này đã cũ (bước đó xong rồi). { help-flow-continues }
fallback-unknown = Tôi chưa hiểu tin nhắn này. Bà con chọn trong menu nha.
flow-restarted = Xin lỗi bà con, trợ lý vừa được cập nhật nên việc bà con đang làm dở (đăng ký, kiểm tra điều kiện…) phải làm lại từ đầu. Bà con chọn lại việc cần làm bên dưới nha.
flow-old-button = Nút đó thuộc câu hỏi trước. Bà con trả lời câu hỏi mới nhất ở trên nha.
flow-rewrite = ✏️ Viết lại
flow-cancel = ✖️ Thôi
# A question typed in the middle of a flow (src/features/ask/in-flow.ts).
flowq-offer = Bà con muốn hỏi: «{ $question }». Tôi trả lời ngay rồi mình làm tiếp, hoặc nhắn /huy để thôi.
flowq-answer = 💬 Trả lời câu này
flowq-continue = ➡️ Làm tiếp, để sau
flowq-back-to-flow = Giờ mình làm tiếp nha:
