webchat-bad-request = Tin nhắn không hợp lệ. Bà con tải lại trang rồi thử lại nha.
