start-welcome =
    Chào bà con! Tôi là Trợ lý HTX 🌾
    Tôi giúp bà con tìm hiểu Luật Hợp tác xã 2023, xem mình có đủ điều kiện vay vốn hay nhận hỗ trợ không, và đăng ký thành lập hoặc tham gia HTX.
    Bà con chọn một việc bên dưới, hoặc nhắn câu hỏi (có dấu hay không dấu đều được).
start-welcome-back = Chào bà con quay lại! Bà con cần gì thì chọn bên dưới nha.
menu-prompt = Bà con chọn việc cần làm:
menu-law = 📘 Tìm hiểu Luật HTX 2023
menu-check = ✅ Kiểm tra điều kiện vay vốn / hỗ trợ
menu-register = 📝 Đăng ký thành lập / tham gia HTX
menu-ask = ❓ Hỏi đáp
menu-officer = 👤 Gặp cán bộ
menu-coming-soon = Phần «{ $item }» đang được hoàn thiện, bà con quay lại sau nha. Trong lúc chờ, bà con có thể nhắn câu hỏi hoặc bấm «Gặp cán bộ».
help-text =
    Cách dùng Trợ lý HTX:
    • Bấm nút trong menu, hoặc nhắn câu hỏi bằng chữ (không dấu cũng được).
    • /menu — mở menu chính
    • /huy — thôi việc đang làm
    • /help — xem hướng dẫn này
    • /thongbao — nhận thông báo, đổi chủ đề; /dunggui — ngừng nhận
    • /dulieu — xem thông tin của bà con đang được lưu
    • /xoa — xóa thông tin cá nhân của bà con
cancel-done = Đã thôi việc đang làm. Bà con chọn việc khác nha:
cancel-nothing = Hiện không có việc gì đang làm dở. Bà con chọn việc cần làm:
help-flow-continues = Bà con đang làm dở một việc; cứ trả lời tiếp câu hỏi ở trên, hoặc nhắn /huy để thôi.
