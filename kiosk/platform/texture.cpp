#include "texture.hpp"

#include <GL/gl.h>
#include <utility>

namespace kiosk::platform {

Texture Texture::fromRgba(std::span<const std::uint8_t> rgba, int width, int height) {
    Texture t;
    if (width <= 0 || height <= 0 || rgba.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4)
        return t;
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    t.m_id = id;
    t.m_width = width;
    t.m_height = height;
    return t;
}

Texture::Texture(Texture&& other) noexcept
    : m_id(std::exchange(other.m_id, 0)), m_width(std::exchange(other.m_width, 0)),
      m_height(std::exchange(other.m_height, 0)) {}

Texture& Texture::operator=(Texture&& other) noexcept {
    if (this != &other) {
        if (m_id != 0) glDeleteTextures(1, &m_id);
        m_id = std::exchange(other.m_id, 0);
        m_width = std::exchange(other.m_width, 0);
        m_height = std::exchange(other.m_height, 0);
    }
    return *this;
}

Texture::~Texture() {
    if (m_id != 0) glDeleteTextures(1, &m_id);
}

ImDrawCallback disableBlendingCallback() {
    return [](const ImDrawList*, const ImDrawCmd*) { glDisable(GL_BLEND); };
}

// The GL3 backend of ImGui 1.86 reads ImTextureID as the GLuint itself.
ImTextureID Texture::imguiId() const { return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(m_id)); }

} // namespace kiosk::platform
