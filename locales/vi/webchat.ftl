webchat-too-large = Tin nhắn dài quá. Bà con nhắn ngắn lại (dưới 2000 chữ) nha.
webchat-bad-request = Tin nhắn không hợp lệ. Bà con tải lại trang rồi thử lại nha.
