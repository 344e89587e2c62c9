webchat-too-large = Tin nhắn dài quá. Bà con nhắn ngắn lại (dưới 2000 chữ) nha.
webchat-bad-request = Tin nhắn không hợp lệ. Bà con tải lại trang rồi thử lại nha.
# Why the web chat refused a request (src/channels/webchat/routes.ts): one message per cause.
webchat-unreadable = Tôi không đọc được tin nhắn vừa gửi. Bà con tải lại trang rồi nhắn lại nha.
webchat-bad-session = Phiên trò chuyện không hợp lệ. Bà con tải lại trang để bắt đầu lại nha.
webchat-empty = Bà con chưa gõ chữ nào. Nhắn câu hỏi hoặc bấm một nút nha.
webchat-text-too-long = Tin nhắn dài quá 2000 chữ. Bà con chia ra nhắn ngắn hơn nha.
webchat-bad-button = Nút này không còn dùng được. Bà con bấm nút ở tin nhắn mới nhất, hoặc tải lại trang nha.
webchat-bad-after = Không tải được các tin nhắn trước. Bà con tải lại trang nha.
